"""`python -m verify` runs the command line."""

from verify.cli import main

main()
