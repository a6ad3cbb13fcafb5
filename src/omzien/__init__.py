"""Omzien: the open platform for informal support around children and families."""
