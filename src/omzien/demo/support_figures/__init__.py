"""Young people in care in Voorbeeldstad with and without support figures, the social map,
network maps of a few support-family households (one with a family group conference), and a
challenge on the neighbourhood where money keeps coming up."""

from ..context import Demo
from ..programmes import SUPPORT_FAMILY
from .care import OWN_CASELOAD, YOUNG_PEOPLE, own_youth_account, young_person
from .neighbourhood import create_challenge, create_partners, refer_on
from .network import household_maps, young_person_map


def create_support_figures(demo: Demo) -> None:
    municipality = demo.programmes[SUPPORT_FAMILY].municipalities.get()
    professional = demo.users["jeugdprofessional"]
    people = [
        young_person(demo, municipality, i < OWN_CASELOAD and professional)
        for i in range(YOUNG_PEOPLE)
    ]
    own_youth_account(demo, municipality, professional)
    partners = create_partners(municipality)
    household_maps(demo, partners)
    young_person_map(demo, people[0], partners)
    create_challenge(demo, municipality, partners)
    refer_on(demo, partners)
    demo.flush()
