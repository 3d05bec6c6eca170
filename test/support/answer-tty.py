# Runs a command on a pseudo-terminal and types ANSWER at every prompt ending in ": ", as an
# investigator at a terminal would; prints all the terminal showed and exits with the command's
# status. Usage: python3 answer-tty.py ANSWER COMMAND [ARG...]
import os
import pty
import select
import sys

answer = sys.argv[1].encode() + b'\r'
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
shown = b''
while True:
    ready, _, _ = select.select([fd], [], [], 30)
    if not ready:
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
    if shown.endswith(b': '):
        os.write(fd, answer)
_, status = os.waitpid(pid, 0)
sys.stdout.write(shown.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
