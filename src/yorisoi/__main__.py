from yorisoi.cli import main

main()
