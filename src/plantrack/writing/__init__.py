"""Writing plan files: the atomic write and lock, the splice editor, and the edit a command drives."""
