# $(…) and backticks feed one command's output to another: Docker's own IDs, then the shell's.
# off-path
docker build -q -t demo-image . > /dev/null
echo "image id: $(docker images -q demo-image)"
docker rm -f $(docker run -d --name web demo-image)
docker inspect -f '{{.Name}} {{.State.Status}}' $(docker run -d --name web2 demo-image)
docker stop `docker inspect -f '{{.Id}}' web2`
docker rm -f web2
echo "$(echo nested $(echo twice)) and `echo ticks`: $(printf abc | wc -c) letters"
