"""`omzien create_api_client`: a client system of an organisation, its account and a first token.

The token is printed once; only its hash is stored.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.text import slugify

from omzien.access.roles import Role
from omzien.api.models import DEFAULT_RATE_LIMIT, DEFAULT_TOKEN_DAYS, SCOPE_ROLES, Scope
from omzien.api.tokens import create_client
from omzien.geo.models import Municipality
from omzien.programmes.models import Organisation

API_ROLES = sorted({role for roles in SCOPE_ROLES.values() for role in roles})


class Command(BaseCommand):
    help = (
        "Maakt een API-koppeling voor het systeem van een organisatie, met een eigen account "
        "en een eerste sleutel. De sleutel wordt één keer getoond."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="Naam van het systeem, bijvoorbeeld ‘Regiesysteem’.")
        parser.add_argument("--organisation", required=True, help="Naam van de organisatie.")
        parser.add_argument(
            "--scopes", required=True, nargs="+", choices=Scope.values, help="Doelen."
        )
        parser.add_argument("--role", choices=API_ROLES, default=Role.REFERRER)
        parser.add_argument(
            "--account", help="Bestaande gebruikersnaam; anders krijgt de koppeling een eigen."
        )
        parser.add_argument("--municipality", help="CBS-code van de gemeente (voor cijfers).")
        parser.add_argument("--days", type=int, default=DEFAULT_TOKEN_DAYS)
        parser.add_argument("--rate-limit", type=int, default=DEFAULT_RATE_LIMIT)

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        account = options["account"] and self.existing(options["account"])
        account = account or self.new_account(options)
        try:
            client, token = create_client(
                name=options["name"],
                organisation_name=options["organisation"],
                account=account,
                scopes=options["scopes"],
                days=options["days"],
                rate_limit=options["rate_limit"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Koppeling ‘{client}’ handelt als account ‘{account.username}’.")
        self.stdout.write("Sleutel (wordt niet nog eens getoond):")
        self.stdout.write(token)

    def existing(self, username: str):
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Er is geen account ‘{username}’.") from None

    def new_account(self, options: dict):
        municipality = None
        if options["municipality"]:
            municipality = Municipality.objects.filter(code=options["municipality"]).first()
            if municipality is None:
                raise CommandError(f"Er is geen gemeente {options['municipality']}.")
        username = f"api-{slugify(options['organisation'])}-{slugify(options['name'])}"[:150]
        if get_user_model().objects.filter(username=username).exists():
            raise CommandError(f"Het account ‘{username}’ bestaat al; kies --account.")
        # No password: the account cannot sign in on the website, only act through its tokens.
        return get_user_model().objects.create_user(
            username=username,
            role=options["role"],
            organisation=Organisation.objects.filter(name=options["organisation"]).first(),
            municipality=municipality,
            first_name=options["name"][:150],
        )
