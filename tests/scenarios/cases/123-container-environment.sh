# A container's environment: the image's ENV, -e, HOME and HOSTNAME, read by env and printenv.
# off-path
docker build -t demo-image .
docker run --rm -e GREETING=hi demo-image printenv GREETING
docker run --rm demo-image printenv PATH LANG
docker run --rm -e A=1 -e B=two demo-image sh -c 'echo "$A-$B-${C:-none}"'
docker run --rm --name envbox demo-image sh -c 'env | sort'
docker run --rm demo-image printenv NOPE
