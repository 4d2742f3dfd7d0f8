# docker exec runs a command in a running container: ls, cat, python --version, env.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 -e GREETING=hey --name web demo-image
docker exec web ls
docker exec web ls app
docker exec web cat requirements.txt
docker exec web python --version
docker exec web printenv GREETING
docker exec -w /demo/app web pwd
docker exec -e EXTRA=1 web printenv EXTRA
