"""API keys: a JSON file of salted SHA-256 hashes with scopes; a key is shown once, when it is made."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from summarizer.errors import ConfigError

Scope = Literal["read", "write", "verify", "admin"]
SCOPES: tuple[Scope, ...] = ("read", "write", "verify", "admin")
PREFIX = "smz"


@dataclass(frozen=True)
class KeyRecord:
    id: str  # public: the part of the key before the secret; what articles are owned by
    salt: str
    hash: str
    scopes: frozenset[Scope]
    name: str = ""

    def allows(self, scope: Scope) -> bool:
        return scope in self.scopes or "admin" in self.scopes


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode()).hexdigest()


def parse_scopes(text: str) -> frozenset[Scope]:
    scopes = {s.strip() for s in text.split(",") if s.strip()}
    unknown = scopes - set(SCOPES)
    if unknown or not scopes:
        raise ValueError(f"scopes must be a comma-separated subset of {', '.join(SCOPES)}; got {text!r}")
    return frozenset(cast(set[Scope], scopes))


class KeyRing:
    """The keys a service accepts. Only hashes are kept, in memory and on disk."""

    def __init__(self, records: list[KeyRecord] | None = None) -> None:
        self._by_id = {r.id: r for r in records or []}

    def __bool__(self) -> bool:
        return bool(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    @classmethod
    def load(cls, path: Path | None) -> KeyRing:
        if path is None or not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text("utf-8"))
            records = [
                KeyRecord(
                    id=str(k["id"]),
                    salt=str(k["salt"]),
                    hash=str(k["hash"]),
                    scopes=parse_scopes(",".join(k["scopes"])),
                    name=str(k.get("name", "")),
                )
                for k in data["keys"]
            ]
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ConfigError(
                f"SUMMARIZER_KEYS_FILE={str(path)!r} is not a keys file ({e}); make one with "
                "`summarizer keys add`"
            ) from None
        return cls(records)

    def check(self, key: str) -> KeyRecord | None:
        """The record of a presented key, or None. Constant-time in the secret."""
        parts = key.strip().split("_")
        if len(parts) != 3 or parts[0] != PREFIX:
            return None
        record = self._by_id.get(parts[1])
        if record is None:
            return None
        return record if hmac.compare_digest(record.hash, _digest(record.salt, parts[2])) else None

    def add(self, path: Path, scopes: frozenset[Scope], name: str = "") -> str:
        """Make a key, store its hash in ``path`` (created with mode 600), and return the key itself."""
        kid = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32).replace("_", "-")
        salt = secrets.token_hex(16)
        record = KeyRecord(kid, salt, _digest(salt, secret), scopes, name)
        self._by_id[kid] = record
        rows = [
            {"id": r.id, "salt": r.salt, "hash": r.hash, "scopes": sorted(r.scopes), "name": r.name}
            for r in self._by_id.values()
        ]
        body = json.dumps({"keys": rows, "updated_at": dt.datetime.now(dt.UTC).isoformat()}, indent=2)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(body + "\n")
        tmp.replace(path)
        return f"{PREFIX}_{kid}_{secret}"

    def records(self) -> list[KeyRecord]:
        return list(self._by_id.values())
