from django.urls import path

from .views import care, challenges, conference, coverage, network, partners, youth

app_name = "support_figures"
urlpatterns = [
    # The professional's young people in care
    path("jongeren-in-zorg/", care.young_people, name="young_people"),
    path("jongeren-in-zorg/nieuw/", care.register, name="register"),
    path("jongeren-in-zorg/<int:pk>/", care.young_person, name="young_person"),
    path("jongeren-in-zorg/<int:pk>/plaatsing/", care.new_placement, name="new_placement"),
    path("jongeren-in-zorg/<int:pk>/plaatsing/einde/", care.end_placement, name="end_placement"),
    path("jongeren-in-zorg/<int:pk>/steunfiguur/", care.add_figure, name="add_figure"),
    path(
        "jongeren-in-zorg/<int:pk>/netwerkkaart/", network.young_person_map, name="young_person_map"
    ),
    path("steunfiguren/<int:pk>/stap/", care.figure_step, name="figure_step"),
    path("steunfiguren/dekking/", coverage.coverage_page, name="coverage"),
    # The young person's own page
    path("mijn-steunfiguur/", youth.my_support_figure, name="my_support_figure"),
    path("mijn-steunfiguur/voorstellen/", youth.propose, name="propose"),
    path("mijn-steunfiguur/aanmelden/", youth.self_register, name="self_register"),
    # Network maps and family group conferences
    path("netwerkkaarten/", network.household_maps, name="household_maps"),
    path("netwerkkaarten/gezin/<int:pk>/", network.household_map, name="household_map"),
    path("netwerkkaarten/<int:pk>/", network.map_detail, name="map_detail"),
    path("netwerkkaarten/<int:pk>/banden/", network.add_tie, name="add_tie"),
    path("netwerkkaarten/banden/<int:pk>/", network.change_tie, name="change_tie"),
    path("netwerkkaarten/<int:pk>/vergelijken/", network.compare_map, name="compare_map"),
    path(
        "netwerkkaarten/<int:pk>/familiegroepsplan/",
        conference.new_conference,
        name="new_conference",
    ),
    path("familiegroepsplannen/<int:pk>/", conference.conference, name="conference"),
    path("familiegroepsplannen/<int:pk>/stap/", conference.conference_step, name="conference_step"),
    path("familiegroepsplannen/<int:pk>/afspraak/", conference.add_agreement, name="add_agreement"),
    # The neighbourhood: challenges and the social map
    path("opgaven/", challenges.challenge_list, name="challenges"),
    path("opgaven/nieuw/", challenges.challenge_edit, name="new_challenge"),
    path("opgaven/uit-thema/", challenges.challenge_from_theme, name="challenge_from_theme"),
    path("opgaven/<int:pk>/", challenges.challenge_detail, name="challenge"),
    path("opgaven/<int:pk>/wijzigen/", challenges.challenge_edit, name="edit_challenge"),
    path("opgaven/<int:pk>/afronden/", challenges.challenge_close, name="close_challenge"),
    path("opgaven/<int:pk>/cijfers/", challenges.challenge_follow, name="follow_challenge"),
    path("sociale-kaart/", partners.partner_search, name="partners"),
    path("sociale-kaart/nieuw/", partners.partner_edit, name="new_partner"),
    path("sociale-kaart/<int:pk>/", partners.partner_edit, name="edit_partner"),
    path("hulpvragen/<int:pk>/doorverwezen/", partners.onward_referral, name="onward_referral"),
]
