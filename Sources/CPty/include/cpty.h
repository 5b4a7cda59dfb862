#ifndef SNAPINFRA_CPTY_H
#define SNAPINFRA_CPTY_H

#include <sys/types.h>

/* Starts `path` with `argv` and `envp` (NULL-terminated) in `cwd`, as the session leader of a new
   pseudo-terminal of `rows` × `cols`, and stores the master side in *master (close-on-exec).
   Returns the child's pid, or -1 with errno set. */
pid_t pty_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
                unsigned short rows, unsigned short cols, int *master);

/* Tells the terminal, and so the program on it (SIGWINCH), its new size. Returns 0 on success. */
int pty_resize(int master, unsigned short rows, unsigned short cols);

#endif
