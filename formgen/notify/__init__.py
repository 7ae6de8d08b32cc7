"""Messages to applicants by e-mail and WhatsApp, composed from their verdict, sent on a word.

Nothing is sent by itself: a clerk names the applicants (or all who are incomplete) and
confirms. Every message is recorded in the applicant's history (``messages``) and the audit
log; an applicant who asked for letters only gets none.
"""
from formgen.notify.api import (
                                CHANNELS,
                                Outcome,
                                deliver,
                                due_reminders,
                                history,
                                plan,
                                set_letters_only,
)

__all__ = ["CHANNELS", "Outcome", "deliver", "due_reminders", "history", "plan",
           "set_letters_only"]
