"""Process liveness, to tell work abandoned by a killed process from work in progress."""

import os


def process_alive(pid: int) -> bool:
    """True when a process with this id exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True
