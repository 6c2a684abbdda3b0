"""What reviews and questions share: the moderation states and the staff's blocked words."""
