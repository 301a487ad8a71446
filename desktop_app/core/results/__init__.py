"""Result archives: safe reading (`archive_reader`), writing (`archive_writer`), streamed
decryption and verification (`decrypt.decrypt_archive` / `decrypt_opened`), Paillier results,
and the report."""
