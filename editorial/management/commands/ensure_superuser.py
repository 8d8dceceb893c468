import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Creates the first superuser from DJANGO_SUPERUSER_USERNAME, "
        "DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD, without prompting. "
        "Does nothing if that user already exists, so containers can run it on "
        "every start."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip()
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "").strip()
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        if not username or not password:
            raise CommandError(
                "Set DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD "
                "(and optionally DJANGO_SUPERUSER_EMAIL)."
            )

        User = get_user_model()
        if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
            # Never touch an existing account: its password may have been
            # changed in the admin since the container was first started.
            self.stdout.write(f"User {username!r} already exists; nothing to do.")
            return

        user = User(**{User.USERNAME_FIELD: username}, email=email)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password rejected: " + " ".join(error.messages)) from error
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Superuser {username!r} created."))
