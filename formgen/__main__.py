"""Entry point: ``python -m formgen`` and the ``formgen`` console script."""
from .cli import main

if __name__ == "__main__":
    main()
