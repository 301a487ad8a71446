"""The Qt-free core of PHT Desktop. Nothing below this package imports PySide6 or the fronts."""
