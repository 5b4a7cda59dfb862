#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "termguard.h"

static struct termios saved_modes;
static int saved_fd = -1;
static char restore_sequence[256];
static size_t restore_length;
static volatile sig_atomic_t pending_signal;

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
#define CRASH_COUNT (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction previous_crash[CRASH_COUNT];

int tg_save_tty(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_fd = fd;
    return 0;
}

void tg_set_restore_sequence(const char *sequence) {
    size_t length = sequence ? strlen(sequence) : 0;
    if (length >= sizeof restore_sequence) length = sizeof restore_sequence - 1;
    if (length) memcpy(restore_sequence, sequence, length);
    restore_sequence[length] = 0;
    restore_length = length;
}

void tg_emergency_restore(void) {
    if (restore_length) {
        ssize_t ignored = write(STDOUT_FILENO, restore_sequence, restore_length);
        (void)ignored;
    }
    if (saved_fd >= 0) tcsetattr(saved_fd, TCSANOW, &saved_modes);
}

static void on_quit_signal(int sig) { pending_signal = sig; }

static void on_crash_signal(int sig) {
    tg_emergency_restore();
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        if (crash_signals[i] == sig) {
            sigaction(sig, &previous_crash[i], NULL);
            return; /* the fault happens again and reaches the previous handler */
        }
    }
}

void tg_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = on_quit_signal;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_NODEFER;
    crash.sa_handler = on_crash_signal;
    for (size_t i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &crash, &previous_crash[i]);
}

int tg_pending_signal(void) { return pending_signal; }
