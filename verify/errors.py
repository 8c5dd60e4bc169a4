"""The one error tree: everything we explain to the user is a VerifyError.

VerifyError
 ├── InputError          an article file, URL or option value we cannot use
 ├── NotFoundError       an id that names nothing (ClaimNotFound)
 ├── WorkflowError       a workflow file that is malformed or names something unknown
 ├── TransitionError     a status move the workflow does not allow
 │    └── RoleError       ...for the desk role of the person asking (`[roles]`)
 ├── ConflictError       someone else changed the row since it was read
 ├── DatabaseError       the database is locked, corrupt or not ours
 └── AuthError           a desk sign-in or API token that is wrong, or rate-limited

Messages read `<what> (<why>); <what to do>`. Only the CLI turns them into `Error: ...`, exit 1.
"""


class VerifyError(Exception):
    """An error we explain to the user, without a traceback."""


class InputError(VerifyError):
    """An input (file, URL, option value) that cannot be used."""


class NotFoundError(VerifyError):
    """An id or name that matches nothing."""


class ClaimNotFound(NotFoundError):
    """No claim has this id."""

    def __init__(self, claim_id: int) -> None:
        super().__init__(
            f"no claim with id {claim_id}; run `verify claims list --all` to see the ids"
        )
        self.claim_id = claim_id


class WorkflowError(VerifyError):
    """A workflow file is malformed or names something unknown."""


class TransitionError(VerifyError):
    """A manual status change the workflow does not allow."""


class RoleError(TransitionError):
    """A status the workflow's [roles] keep from this person's desk role."""


class ConflictError(VerifyError):
    """A row changed between reading and writing it."""


class DatabaseError(VerifyError):
    """The database cannot be opened, is locked, or is not a verify database."""


class AuthError(VerifyError):
    """A sign-in (name and password) or an API token that is wrong, unknown or rate-limited."""
