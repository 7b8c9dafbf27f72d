// The terminal front ends (ncurses view, libedit REPL).
