"""Operations: backup and restore of the whole installation."""
