"""Vault oversight for administrators: the vault dashboard (vault.md §8.6, §8.7, §9)."""
