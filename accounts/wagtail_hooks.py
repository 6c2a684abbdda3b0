"""Admin wiring for accounts: the bulk user actions that respect administrators
(accounts.admin). Registered after Wagtail's own (``order``), which they replace."""

from wagtail import hooks

from .admin import StaffAssignRoleBulkAction, StaffSetActiveStateBulkAction

for action_class in (StaffAssignRoleBulkAction, StaffSetActiveStateBulkAction):
    hooks.register("register_bulk_action", action_class, order=100)
