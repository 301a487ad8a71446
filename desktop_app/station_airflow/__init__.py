"""The station runner as the Airflow DAG `run_train` (the extra `pht-desktop[airflow]`).

A station points Airflow's `dags_folder` at `desktop_app/station_airflow/dags` (or copies
`dags/run_train.py` into its own); each task there calls `core.station` through `tasks.py`.
Only `dags/` imports Airflow: the rest runs, and is tested, without it.
"""
