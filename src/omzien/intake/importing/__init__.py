"""Import of existing registrations (households and volunteers) from CSV or XLSX files.

`layouts` documents the columns, `reading` turns a file into rows, `households` and
`volunteers` check and store one kind of row, and `run` ties them together: a dry run
that reports every problem at its row, or an all-or-nothing import.
"""
