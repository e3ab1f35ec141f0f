from converter.cli.commands import main

main()
