# Uvicorn told to serve an attribute the module does not have: its own error line, exit 1.
docker build -t demo-image .
docker run --name web demo-image uvicorn app.main:application --host 0.0.0.0
docker ps -a
