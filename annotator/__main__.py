from annotator.entry import main

main()
