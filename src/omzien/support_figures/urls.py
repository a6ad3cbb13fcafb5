app_name = "support_figures"
urlpatterns = []
