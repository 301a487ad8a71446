"""The PHT security protocol (shared/PROTOCOL.md), byte-compatible with train_lib 2.0.5.

Qt-free and container-free; every module's docstring lists its API:
- `train_config`: `TrainConfig` over train_config.json (unknown fields kept).
- `hexpem`, `signatures`, `wrapping`: hex PEM keys, PKCS1v15 / PSS signatures, OAEP key wrapping.
- `symmetric`: streaming AES-256-CBC (`encrypt_file`, `decrypt_file`, `StreamDecryptor`, `decrypt_stream`).
- `hashing`: train hash, result hash, route digest, `HashingThread`.
- `pre_run` / `post_run`: a station's two halves (`station_pre_run`, `station_post_run`).
- `verification`: named checks for decryption and pre-run.
"""
