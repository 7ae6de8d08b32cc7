"""Commands of this area are added here."""
COMMANDS: list = []
