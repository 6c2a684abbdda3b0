"""Guide comments (F-08): signed-in readers comment under a guide, editors moderate.

Why a small model of our own rather than django-contrib-comments (2.2.0) or
django-comments-xtd (2.10.13): both moderate through Django's own admin, not Wagtail's;
contrib-comments knows only "public / removed" (no pending → approved / rejected with a
reason the author reads), takes anonymous names, e-mails and URLs by default and
attaches comments by a generic text key; xtd adds Django REST framework, docutils and a
React front end, renders Markdown or reST, and sends its side effects through signals
(the house rules send mail through the outbox in the same transaction). What the shop
needed was already here: ``ModerationStatus``, the staff's blocked words, the plain-text
check, the rate limits, the outbox and the Customer voice menu; one model on top of them
is less code than adapting either library.
"""
