#ifndef SNAPINFRA_TERMGUARD_H
#define SNAPINFRA_TERMGUARD_H

/* Saves the terminal modes of fd, to restore them on a crash. Returns 0 on success. */
int tg_save_tty(int fd);
/* The bytes that leave full-screen mode (rmcup, cnorm, sgr0, rmkx), precomputed from terminfo. */
void tg_set_restore_sequence(const char *sequence);
/* SIGINT, SIGTERM, SIGHUP, SIGQUIT set a flag (no SA_RESTART, so a blocked read returns);
   crash signals restore the terminal and chain to the previous handler. */
void tg_install_signal_handlers(void);
/* The signal that arrived, or 0. */
int tg_pending_signal(void);
/* Writes the restore sequence and the saved modes; async-signal-safe. */
void tg_emergency_restore(void);

#endif
