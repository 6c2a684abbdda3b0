"""Staff management in Wagtail's Settings → Users, for managers who are not administrators.

Managers (the "Managers" role, accounts migration 0004) add staff members, put them
in roles and disable them. Wagtail's own user views let anyone who may change users
tick "Administrator" and edit administrators (change their password, disable them);
here only an administrator may do either:

* the "Administrator" box is shown disabled to everyone else, so a posted value is
  ignored (a disabled field keeps its initial value);
* an administrator's edit page, and the bulk "assign role" and "set active state"
  actions on administrators, are refused to everyone else (deleting administrators
  Wagtail already keeps to administrators; managers may not delete users at all);
* the listing shows each user's roles and links only the users one may edit.

Registered through ``accounts.apps.ShopUsersConfig`` (Wagtail's documented way to
replace its user viewset) and ``accounts.wagtail_hooks``.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import AssignRoleBulkAction, SetActiveStateBulkAction

from core.staff_names import staff_name


def may_manage(acting_user, target) -> bool:
    """Whether ``acting_user`` may change ``target``: administrators only by administrators."""
    return acting_user.is_superuser or not target.is_superuser


class _AdministratorBoxMixin:
    """Shows the "Administrator" box disabled unless an administrator fills in the form."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("is_superuser")
        if field is not None and not (for_user is not None and for_user.is_superuser):
            field.disabled = True
            field.help_text = _("Only an administrator can make someone an administrator.")
        groups = self.fields.get("groups")
        if groups is not None:
            groups.label_from_instance = lambda group: staff_name(group.name)


class StaffCreationForm(_AdministratorBoxMixin, UserCreationForm):
    pass


class StaffEditForm(_AdministratorBoxMixin, UserEditForm):
    pass


class _ForUserFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class StaffFilterSet(wagtail_users.UserFilterSet):
    """Wagtail's user filters, with the role boxes in the reader's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["group"].field.label_from_instance = lambda group: staff_name(group.name)


class StaffIndexView(wagtail_users.IndexView):
    """Wagtail's user listing with a roles column, searchable by mobile number too."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        roles = Column(
            "roles",
            accessor=lambda user: ", ".join(staff_name(group.name) for group in user.groups.all()),
            label=_("Roles"),
            classname="roles",
            width="20%",
        )
        # After name and username, before access level, active and last login.
        columns.insert(3, roles)
        return columns

    @cached_property
    def search_fields(self):
        fields = super().search_fields
        return None if fields is None else sorted({*fields, "mobile"})

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")

    def get_edit_url(self, instance):
        if may_manage(self.request.user, instance):
            return super().get_edit_url(instance)
        return None


class StaffCreateView(_ForUserFormMixin, wagtail_users.CreateView):
    pass


class StaffEditView(_ForUserFormMixin, wagtail_users.EditView):
    """Wagtail's edit view; an administrator's page is refused to non-administrators (403)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not may_manage(request.user, self.object):
            raise PermissionDenied


class StaffUserViewSet(wagtail_users.UserViewSet):
    index_view_class = StaffIndexView
    filterset_class = StaffFilterSet
    add_view_class = StaffCreateView
    edit_view_class = StaffEditView

    def get_form_class(self, for_update=False):
        return StaffEditForm if for_update else StaffCreationForm


class StaffAssignRoleBulkAction(AssignRoleBulkAction):
    """ "Assign role" in bulk, never to an administrator unless one asks."""

    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)


class StaffSetActiveStateBulkAction(SetActiveStateBulkAction):
    """ "Set active state" in bulk, never of an administrator unless one asks."""

    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)
