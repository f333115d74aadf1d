from .organisation import Organisation, OrganisationQuerySet
from .pledge import AmountBasis, Pledge, PledgeQuerySet
from .programme import Programme, ProgrammeFunder

__all__ = [
    "AmountBasis",
    "Organisation",
    "OrganisationQuerySet",
    "Pledge",
    "PledgeQuerySet",
    "Programme",
    "ProgrammeFunder",
]
