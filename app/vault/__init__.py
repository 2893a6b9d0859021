"""Credential vault: encryption, keys and audited reveal (shared/design/vault.md); no Qt."""
