"""Merging plan files by meaning: the three-way merge of plan data, its text, and git's side."""
