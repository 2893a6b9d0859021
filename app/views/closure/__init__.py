"""Resolution, verification with the requester, closure with CSAT, and the client CSAT box."""
