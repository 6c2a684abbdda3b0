"""The bottom layer: helpers every app may import. It imports no app of the shop."""
