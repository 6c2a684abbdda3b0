"""Guide comments' fixtures: a live guide written by an editor, and readers."""

import pytest

from tests.factories import GuidePageFactory, UserFactory


@pytest.fixture
def editor(staff_user):
    return staff_user("Editors", first_name="林", last_name="编辑", email="editor@example.com")


@pytest.fixture
def guide(editor):
    return GuidePageFactory(title="Choosing green tea", owner=editor)


@pytest.fixture
def reader(db):
    return UserFactory(first_name="Mei", last_name="Zhang", email="mei@example.com")
