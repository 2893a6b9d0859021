"""Tests of the remote-session views: terminal, WinRM console, host-key and certificate dialogs."""
