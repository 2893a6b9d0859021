"""Small widgets shared by several features."""
