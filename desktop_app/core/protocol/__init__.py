"""The PHT security protocol (shared/PROTOCOL.md), byte-compatible with train_lib 2.0.5."""
