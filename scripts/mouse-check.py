#!/usr/bin/env python3
"""The mouse through a real pseudo-terminal: ncurses decodes SGR mouse reports into clicks and the
wheel. Clicks the second line of the start screen twice (select, then open: the describe prompt)
and turns the wheel on a Design screen (the page scrolls). Exits 1 with what it saw on failure."""
import os, pty, select, struct, sys, termios, fcntl, time

binary = sys.argv[1]


def run(args, inputs):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8")
        os.execv(binary, [binary] + args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    outputs = []

    def drain(seconds):
        data = b""
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    data += os.read(fd, 65536)
                except OSError:
                    break
        return data

    outputs.append(drain(2.0))
    for sequence in inputs:
        os.write(fd, sequence)
        outputs.append(drain(1.0))
    # Esc closes a prompt, q quits; a process that does not is killed.
    os.write(fd, b"\x1b")
    drain(0.3)
    os.write(fd, b"q")
    drain(0.5)
    for _ in range(20):
        if os.waitpid(pid, os.WNOHANG)[0] != 0:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    return outputs


failed = False
start = run([], [b"\x1b[<0;10;6M\x1b[<0;10;6m", b"\x1b[<0;10;6M\x1b[<0;10;6m"])
if b"1000h" not in start[0]:
    print("mouse-check: mouse reporting was not turned on"); failed = True
if b"Describe the project in a sentence" not in start[2]:
    print("mouse-check: two clicks on the start screen's second line did not open it"); failed = True
design = run(["tui", "examples/shop.json"], [b"\x1b[<65;50;10M"])
if b"4-30" not in design[1]:
    print("mouse-check: the wheel did not scroll the Design page", repr(design[1][-200:])); failed = True
print("mouse-check: " + ("FAILED" if failed else "clicks and the wheel work"))
sys.exit(1 if failed else 0)
