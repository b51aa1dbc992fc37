"""Who a Label Studio file names: a `completed_by`, an `updated_by` or JSON_MIN's `annotator` read as one user, and
so one annotator here, whichever of Label Studio's ways names them; the truth of an annotation (`labelstudio_truth`)
then weighs that user against our export's `meta`.

- A `completed_by` or `updated_by` that names no user as Label Studio writes one (a whole number in its JSON
  export, an object with an `email` or an `id` in its API, an email or a name) is an error: never the `meta`'s
  annotator, nor a name made of a first name or of an `id` that is text, nor a user id written as text ("3",
  which escaped the refusal of a user known only by id: atk34 03). So are gold and `model:...` (nobody works under
  them, `vocabulary.worker_problem`).
- One user is one annotator: a bare user id is read as the email an object with that `id` gives anywhere in the
  same file (a server's JSON export writes `completed_by` as the id, its API as the user object with `id` and
  `email`: a file made of both named one user twice), else as `labelstudio-user-<id>`. One id with two emails in
  one file is an error at the second (`Users`).
- `labelstudio-user-<id>` is this import's own name for a user known only by id, so no user the file names by
  email or name may take it (attack 33, F5: `{"id": 5, "email": "labelstudio-user-2"}` made user 5's work user 2's):
  a name without an @ that begins like it, in any case or form, is refused in one line at its field (`given`).
  Label Studio's emails have an @, so no user a server exports is refused, and keeping one namespace (not names
  keyed by kind) keeps what a user sees here the same name a later import of the same server gives the same user.
- `--annotator NAME` takes one Label Studio user's work (`OneUser`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from annotator.exchange.files import Where
from annotator.literal import quoted
from annotator.lookalike import begins_like
from annotator.vocabulary import worker_problem

#: What a `completed_by` that names nobody is told, for an error naming its field.
NO_USER = "names no Label Studio user (an email or a user id), got {}"

#: The name of a user known only by id (`Users.name`): no name the file gives may begin like it (`given`).
SYNTHETIC = "labelstudio-user-"
SQUEEZED = "labelstudiouser"  # SYNTHETIC without its separators


@dataclass(frozen=True)
class Author:
    """Whom an annotation names: `named` when that is someone (a user of the API, an email or a name, or a user
    who changed another's annotation), not a bare user id of a JSON export, which a server gives its importer."""

    name: str
    named: bool
    number: int | None = None  # the user's id, when known: one user named by id and by email is one
    field: str = "completed_by"  # where the file names them
    confirmed: bool = False  # `updated_by` names them too: they changed it last (else, on our task, the importer)

    def same(self, other: Author) -> bool:
        return self.name == other.name or (self.number is not None and self.number == other.number)


class Users:
    """The email of each user id a Label Studio file gives with one (`{"id": 3, "email": ...}`), wherever in it:
    a bare id elsewhere in the file is that user (see the module). `mapped`: the names `--user-map` gives user ids,
    which win over the file's emails (the user said who they are; one user is one annotator)."""

    def __init__(self, mapped: dict[int, str] | None = None) -> None:
        self.emails: dict[int, tuple[str, Where]] = {}
        self.mapped = mapped or {}

    @classmethod
    def of(cls, items: Iterable[tuple[Where, Any]], mapped: dict[int, str] | None = None) -> Users:
        """The users of a file's tasks (JSON export) and records (JSON_MIN), each with where it is."""
        users = cls(mapped)
        for where, data in items:
            if not isinstance(data, dict):
                continue
            for part in ("annotations", "completions"):  # Label Studio's before 1.0 (`labelstudio_completions`)
                annotations = data.get(part)
                for index, annotation in enumerate(annotations if isinstance(annotations, list) else []):
                    for key in ("completed_by", "updated_by") if isinstance(annotation, dict) else ():
                        users.add(annotation.get(key), where, f"{part}[{index}].{key}")
            users.add(data.get("annotator"), where, "annotator")
        return users

    def add(self, value: Any, where: Where, field: str) -> None:
        email, number = (value.get("email"), value.get("id")) if isinstance(value, dict) else (None, None)
        if type(number) is not int or not isinstance(email, str) or not email or synthetic(email):
            return  # a name like an id's is refused where it is given (`given`), never another id's name
        if number in self.mapped:
            return  # --user-map names them
        first = self.emails.setdefault(number, (email, where))
        if first[0] != email:
            at = first[1]
            place = f"line {at.line}" if at.line is not None else f"record {at.record}"
            raise where.error(
                f"Label Studio user {number} is {quoted(email)} here and {quoted(first[0])} at {place}: one user has one email",
                field,
            )

    def name(self, number: int) -> str:
        if number in self.mapped:
            return self.mapped[number]
        email = self.emails.get(number)
        return email[0] if email is not None else f"{SYNTHETIC}{number}"

    def known(self, number: int) -> bool:
        """Whether the user is someone by name (the map's or an email the file gives), not an id alone."""
        return number in self.mapped or number in self.emails


def maker(by: Author | None, annotator: str | None, ours: bool) -> int | None:
    """The id of the Label Studio user who made an annotation (`completed_by`, JSON_MIN's `annotator`) where its
    work goes under them, else None: on a task of our export (its meta names our annotator, the server's importer
    made its copy) or once another user changed it (`updated_by`), its id says nothing of who they are here. Their
    annotation ids kept for a name say it (`known_users`)."""
    if by is None or ours or by.number is None or by.name != annotator:
        return None
    return by.number if by.field.endswith("completed_by") or by.field == "annotator" else None


def synthetic(name: str) -> bool:
    """Whether `name` could be taken for a name this import gives a user known only by id: no email (text, an @,
    text: `labelstudio-user-2@` is none), and it begins like `labelstudio-user-` in any case or form
    (`LabelStudio-User-2`, `Iabelstudio-user-2`), its separators aside (`labelstudio_user_2`, `labelstudio.user.2`,
    `labelstudio user 2`, `labelstudiouser2`: atk34 09)."""
    if re.fullmatch(r"[^@\s]+@[^@\s]+", name):
        return False
    squeezed = "".join(char for char in name if char.isalnum())
    return begins_like(name, SYNTHETIC) or begins_like(squeezed, SQUEEZED)


def given(name: str, where: Where, field: str) -> str:
    """A name the file gives a user (an email or a name): never one nobody works under (gold, `model:...`: atk34 10
    stored a user's change as gold, or as the model's suggestions; `vocabulary.worker_problem`, as `--annotator`
    refuses them), nor one this import gives a user known only by id."""
    if problem := worker_problem(name) or named_user_problem(name):
        raise where.error(problem, field)
    return name


def named_user_problem(name: str) -> str | None:
    """Why a Label Studio user given by name (in the file, or by `--user-map`) cannot take `name`: digits only, or
    a name like the one this import gives a user known only by id; else None."""
    if name.strip().isdecimal():  # atk34 03: "3" escaped the refusal of a user known only by id
        return (
            f"{quoted(name)} is a user id written as text: Label Studio writes a user id as a whole number, and no "
            "user's name or email is digits only"
        )
    if synthetic(name):
        return (
            f"{quoted(name)} reads as {SYNTHETIC}<id>, the name this import gives a Label Studio user known only by id: a "
            "user given by email or name cannot take it (Label Studio's emails have an @)"
        )
    return None


def user(value: Any, where: Where, field: str, users: Users) -> Author | None:
    """The user `value` names (a `completed_by`, an `updated_by`, JSON_MIN's `annotator`): a user id by the email
    `users` has for it (someone, as an object with it is), else as `labelstudio-user-<id>`; an object by its
    `email`, else its id; a string itself (`given`); None for none (absent, null). Anything else is an error naming
    `field`."""
    if value is None:
        return None
    if type(value) is int:
        return Author(users.name(value), users.known(value), value, field)
    if isinstance(value, str) and value:
        return Author(given(value, where, field), True, None, field)
    if isinstance(value, dict):
        email, number = value.get("email"), value.get("id")
        number = number if type(number) is int else None
        if number is not None and number in users.mapped:
            return Author(users.name(number), True, number, field)
        if isinstance(email, str) and email:
            return Author(given(email, where, field), True, number, field)
        if number is not None and email in (None, ""):
            return Author(users.name(number), users.known(number), number, field)  # as a bare id
    shown = repr(value)
    raise where.error(NO_USER.format(shown if len(shown) <= 80 else shown[:80] + "..."), field)


class OneUser:
    """`--annotator NAME` takes one Label Studio user's work: the name each annotation has without it (its author,
    or our `meta`'s annotator) is the same throughout the file, else an error at the first that differs (trial 31:
    `--annotator carol` made bob's and lead's annotations carol's)."""

    def __init__(self, annotator: str | None) -> None:
        self.annotator = annotator
        self.first: tuple[str, Where] | None = None  # the first annotation's name, and where it is

    def check(self, name: Any, where: Where, field: str) -> None:
        if self.annotator is None or not isinstance(name, str):
            return
        if self.first is None:
            self.first = name, where
            return
        first, at = self.first
        if name != first:
            place = f"line {at.line}" if at.line is not None else f"record {at.record}"
            raise where.error(
                f"{quoted(name)} made this annotation, and {quoted(first)} the one at {place}: --annotator {self.annotator} "
                "takes one Label Studio user's work (import without it: each user's work under their own name)",
                field,
            )
