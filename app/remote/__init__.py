"""Remote-session protocol code (RDP files, SSH, WinRM, probes); no database, no Qt."""
