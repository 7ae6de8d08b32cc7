"""Entry point: ``python -m formgen`` and the ``formgen`` console script."""
from formgen.cli import main

if __name__ == "__main__":
    main()
