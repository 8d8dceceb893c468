from django.urls import path

from subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("prenumerera/", views.subscribe, name="subscribe"),
    path("bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("installningar/<str:key>/", views.preferences, name="preferences"),
    path("avsluta/<str:key>/", views.unsubscribe, name="unsubscribe"),
]
