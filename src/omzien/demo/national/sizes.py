"""How much the national dataset holds, and the same divided for smaller scales."""

from dataclasses import dataclass, fields
from fractions import Fraction

NAMED_SCALES = {"national": Fraction(1), "tenth": Fraction(1, 10), "small": Fraction(1, 100)}


@dataclass(frozen=True)
class Sizes:
    municipalities: int = 342
    organisations: int = 60
    programmes: int = 600
    households: int = 60_000  # with 1.5 parents and 1.5 children on average: 180,000 people
    youth: int = 20_000
    volunteers: int = 100_000
    requests: int = 500_000  # over ten years; a family can ask again, in another programme
    matches: int = 1_000_000

    @property
    def people(self) -> int:
        return 3 * self.households + self.youth + self.volunteers

    @property
    def parents(self) -> int:
        return self.households + self.households // 2

    @property
    def children(self) -> int:
        return self.parents


# The least that still shows every kind of row: one programme of each type, and so on.
LEAST = Sizes(1, 1, 3, 4, 2, 4, 8, 8)


def parse_scale(text: str) -> Fraction:
    """'national', 'tenth', 'small', '1/1000' or '0.001'."""
    if text in NAMED_SCALES:
        return NAMED_SCALES[text]
    try:
        scale = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"onbekende schaal: {text}") from None
    if not 0 < scale <= 1:
        raise ValueError(f"een schaal ligt tussen 0 en 1: {text}")
    return scale


def sizes_at(scale: Fraction) -> Sizes:
    whole, least = Sizes(), LEAST
    return Sizes(
        **{
            f.name: max(getattr(least, f.name), round(getattr(whole, f.name) * scale))
            for f in fields(Sizes)
        }
    )
