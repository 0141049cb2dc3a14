"""Siyasa keeps a nonprofit's social media policy alive."""
