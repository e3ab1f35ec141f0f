"""The review desk and live preview of `archive serve` (at `/_desk/` and `/`): staff add reports by
dropping files in the browser, review what was extracted and its warnings, correct fields in a form made
from the field registry, decide about refused files, and publish. Served on this machine only; never
part of the published site."""
